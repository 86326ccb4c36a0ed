"""PostgreSQL for the tests: empty the tables after a transactional test with DELETE.

pytest-django (through Django's TransactionTestCase) flushes the database after every test
that commits (`transactional_db`, `live_server`, `django_db(transaction=True)`, the `demo`
fixture). Django's PostgreSQL flush is one TRUNCATE of every table: each table and index gets
a new file, which costs about a second per test for this project's tables, several on a busy
machine. The few rows a test leaves behind go in milliseconds with DELETE.

This is a database backend of its own (Django documents subclassing a built-in backend: the
ENGINE setting names this package), used only by config/settings_test.py. Django's foreign
keys on PostgreSQL are DEFERRABLE INITIALLY DEFERRED and the flush runs in one transaction, so
the order of the DELETEs does not matter. Flushes that reset sequences or cascade keep
Django's TRUNCATE.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return super().sql_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
