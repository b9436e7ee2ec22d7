"""Khabar's Dagster code location: ``orchestration.definitions``."""
