"""On PostgreSQL, empty the tables after a transactional test with DELETE, not TRUNCATE.

pytest-django (through Django's TransactionTestCase) flushes the database after every
test that commits (`transactional_db`, `live_server`, `django_db(transaction=True)`, the
`demo` fixture). Django's PostgreSQL flush is one TRUNCATE of every table: each table and
index gets a new file, which costs about a second per test for this project's ~50 tables,
several on a busy machine. The few rows a test leaves behind go in milliseconds with DELETE.

Django's foreign keys on PostgreSQL are DEFERRABLE INITIALLY DEFERRED and the flush runs
in one transaction, so the order of the DELETEs does not matter: the keys are checked at
the commit, when every table is empty. Flushes that reset the sequences or cascade to
tables outside the list keep Django's TRUNCATE.
"""

from django.db.backends.postgresql.operations import DatabaseOperations

_truncate = DatabaseOperations.sql_flush


def _delete(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or allow_cascade or not tables:
        return _truncate(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    return ["SET CONSTRAINTS ALL DEFERRED;"] + [
        f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
        for table in tables
    ]


def install():
    DatabaseOperations.sql_flush = _delete
