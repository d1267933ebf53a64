import sys

from contractkit.cli import main

sys.exit(main())
