from gigawatt.cli.core import entry

entry()
