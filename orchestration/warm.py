"""Preloaded by the run's forkserver (see automation.khabar_executor), never imported otherwise.

hazm takes ~4 s to import and build its Normalizer; done once in the forkserver, every step
process it forks (and their worker pools) starts with it ready, so a run that tokenizes one
new Persian article does not pay for it again. Likewise dbt's command line (~0.2 s more than the
code location already imports), which the dbt steps run in a fork of themselves (dbt_process).
"""
import dbt.cli.main  # noqa: F401

from .text.normalize import _persian_normalizer

_persian_normalizer()
