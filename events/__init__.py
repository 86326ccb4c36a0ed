"""What happened in Överens, told once to whoever listens (notifications, webhooks, …).

Read README.md. In short: a model verb calls `emit(kind, record, actor=user)`; after the
transaction commits, `happened` is sent with the kind, the record and the actor. Listeners
only queue work (a job); they never do slow work in the sender's request.
"""

from events.hub import can_view, emit, happened, kinds, label, register, visible_records

__all__ = ["can_view", "emit", "happened", "kinds", "label", "register", "visible_records"]
