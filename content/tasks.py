"""Background jobs of the content app (Django Tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from content.library import run_job


@task()
def ingest_library(job_id: int) -> str:
    """Apply a job's uploads and ingest the library; the job row holds progress and the report."""
    return run_job(job_id).status
