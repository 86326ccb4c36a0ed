"""What OPTIONS answers: the endpoint's name, description and formats, nothing more.

DRF's SimpleMetadata also describes the form of every write the user may make, which means
fetching the record and asking its permissions: on a record that does not exist (or a view
that is not a model viewset) that was a 500, and on a record the user may not see it would
tell that the id exists. The schema (/api/schema/) is where the fields are described.
"""

from rest_framework.metadata import SimpleMetadata


class EndpointMetadata(SimpleMetadata):
    def determine_actions(self, request, view):
        return {}
