"""Running the pipeline over many articles: in processes (batch), from the command line
(cli), on Dask."""
