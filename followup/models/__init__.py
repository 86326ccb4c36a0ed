"""The follow-up's models; see followup/README.md."""

from followup.models.indicators import Indicator, IndicatorValue
from followup.models.plans import ActionPlan, Area, Commitment, CommitmentChange
from followup.models.rounds import (
    SURVEY_MIN_GROUP,
    CommitmentReport,
    FollowUpRound,
    ReportTask,
    SurveyAnswer,
    SurveyScore,
)

__all__ = [
    "SURVEY_MIN_GROUP",
    "ActionPlan",
    "Area",
    "Commitment",
    "CommitmentChange",
    "CommitmentReport",
    "FollowUpRound",
    "Indicator",
    "IndicatorValue",
    "ReportTask",
    "SurveyAnswer",
    "SurveyScore",
]
