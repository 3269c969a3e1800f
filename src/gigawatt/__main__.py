from gigawatt.cli import entry

entry()
