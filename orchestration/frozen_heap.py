"""Imported last by the run's forkserver (``automation.PRELOAD_MODULES``): everything it has
imported by then (the code location, Dagster, dbt, the instance's storage: ~380,000 objects) is
moved out of the garbage collector's reach, so that no step process forked from it walks them again.

A full collection of them took ~0.25-0.3 s here, in whichever step's allocations happened to set
one off (a run that adds one article paid it in its meetings step). They are module-level state
that lives as long as the process anyway. This is the idiom the ``gc.freeze`` docs give for
processes that fork; the dbt child is forked the same way (``dbt_process``).
"""
import gc

gc.freeze()
