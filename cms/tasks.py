from celery import shared_task


@shared_task(soft_time_limit=10, time_limit=20)
def ping() -> str:
    """Answer from a worker: the health check uses it to tell whether workers run."""
    return "pong"
