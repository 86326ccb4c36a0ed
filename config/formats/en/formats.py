# Django's own date formats (the admin, a date rendered without a filter) follow the date
# policy of core/dates.py; templates use its filters. Other formats fall back to Django's.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
