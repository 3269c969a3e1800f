"""Reports: tables, charts and the files a run writes."""
