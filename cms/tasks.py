from celery import shared_task


@shared_task
def ping() -> str:
    """Answer from a worker: the health check uses it to tell whether workers run."""
    return "pong"
