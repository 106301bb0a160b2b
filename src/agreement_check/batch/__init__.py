"""Batch running: many documents, each in a worker that can be stopped.

The stage between `api.check()` and the engine. `walk` finds the files under the named
paths, `scheduler` hands them to workers (`isolation` supervises them, `worker` is each
worker's loop), `document` is the job one worker does for one file (read it, look it up
in the `cache`, check it, make its marked-up copy), `options` is what a check was asked
to do, and `progress` is what a caller implements to follow it. With a Dask scheduler
(`scheduler_address`), `dask_executor` sends the documents to a cluster instead, where
`dask_worker` runs the same isolated check for each.
"""
