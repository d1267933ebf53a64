"""LibreOffice and Tesseract as the product runs them: a warm, supervised LibreOffice listener shared by the
service (PDF) and the readers (.doc/.wps/.rtf/.odt → .docx), and memory caps for both programs."""
