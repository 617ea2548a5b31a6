"""The checkout's launcher: `python main.py [--demo] [command …]`, the same as `changewatch`."""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
