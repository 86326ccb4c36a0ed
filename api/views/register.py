"""The register and requests for official documents, with the pages' rules and verbs:
entries for anyone (a secret entry's subject and organisation, and private persons' names,
for the case's coordinators only); a request for an entry from anyone, signed in or not, and
its answer read with the code it gave; the coordinators of a case list and answer its
requests (`DocumentRequest.decide`, one answer wins: 409 for the others)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import register_domain_error
from api.filters import form_parameters, valid_query
from api.forminput import form_serializer, validated
from api.permissions import SignedIn
from api.serializers.records import EntrySerializer, RequestReceiptSerializer, RequestSerializer
from records.exceptions import RecordsError
from records.forms import AnswerForm, RegisterFilterForm, RequestForm
from records.models import Case, Document, DocumentRequest
from records.views.register import filtered

register_domain_error(RecordsError)

AskRequest = form_serializer(RequestForm, "DocumentRequestCreate")
AnswerRequest = form_serializer(AnswerForm, "DocumentRequestAnswer")


def _managed(user):
    return set(Case.objects.managed_by(user).values_list("pk", flat=True))


@extend_schema(tags=["register"])
class EntryList(generics.ListAPIView):
    serializer_class = EntrySerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return filtered(self.request.user, valid_query(RegisterFilterForm, self.request))

    def get_serializer_context(self):
        return super().get_serializer_context() | {"managed": _managed(self.request.user)}

    @extend_schema(parameters=form_parameters(RegisterFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["register"])
class EntryDetail(generics.RetrieveAPIView):
    serializer_class = EntrySerializer
    permission_classes = [AllowAny]
    queryset = Document.objects.for_register()

    def get_serializer_context(self):
        return super().get_serializer_context() | {"managed": _managed(self.request.user)}


@extend_schema(tags=["register"])
class Ask(APIView):
    permission_classes = [AllowAny]

    @extend_schema(request=AskRequest, responses={201: RequestReceiptSerializer})
    def post(self, request, pk):
        """Ask for the entry's document; no name needed. Keep the code to read the answer."""
        document = get_object_or_404(Document, pk=pk)
        data = validated(RequestForm, request.data)
        asked = DocumentRequest.receive(
            document, message=data["message"], contact_email=data["contact_email"]
        )
        return Response(RequestReceiptSerializer(asked).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["register"])
class ByCode(generics.RetrieveAPIView):
    """A request and its answer, for whoever holds its code."""

    serializer_class = RequestSerializer
    permission_classes = [AllowAny]
    queryset = DocumentRequest.objects.select_related("document")
    lookup_field = "code"


@extend_schema(tags=["register"])
class RequestList(generics.ListAPIView):
    """The requests for documents of the cases the caller manages, waiting ones first."""

    serializer_class = RequestSerializer
    permission_classes = [SignedIn]

    def get_queryset(self):
        return (
            DocumentRequest.objects.answerable_by(self.request.user)
            .select_related("document")
            .order_by("-status", "arrived_at", "pk")
        )


@extend_schema(tags=["register"])
class Answer(APIView):
    permission_classes = [SignedIn]

    @extend_schema(request=AnswerRequest, responses=RequestSerializer)
    def post(self, request, pk):
        """Release, release in part or refuse (withholding names the provision)."""
        queryset = DocumentRequest.objects.answerable_by(request.user).select_related("document")
        asked = get_object_or_404(queryset, pk=pk)
        data = validated(AnswerForm, request.data)
        asked.decide(
            status=data["status"],
            answer=data["answer"],
            provision=data["provision"],
            by=request.user,
        )
        asked.refresh_from_db()
        return Response(RequestSerializer(asked).data)


urlpatterns = [
    path("register/", login_not_required(EntryList.as_view()), name="register-list"),
    path("register/<int:pk>/", login_not_required(EntryDetail.as_view()), name="register-detail"),
    path("register/<int:pk>/requests/", login_not_required(Ask.as_view()), name="register-ask"),
    path("requests/", login_not_required(RequestList.as_view()), name="request-list"),
    path("requests/<int:pk>/answer/", login_not_required(Answer.as_view()), name="request-answer"),
    path("requests/<str:code>/", login_not_required(ByCode.as_view()), name="request-detail"),
]
