"""The orchestration: the month loop, one trial and many, Monte Carlo, Dask, sensitivity, operations."""
