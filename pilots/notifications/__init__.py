"""Emails to officers (overdue-return reminders, the weekly round-up), their schedule and the
officer's email choices."""
