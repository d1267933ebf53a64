"""Deal data: load JSON deals, validate them against the schemas and the checks beyond, derive totals."""
