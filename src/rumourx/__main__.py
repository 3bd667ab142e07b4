"""``python -m rumourx``: the command line."""

from .cli import main

main()
