from django.contrib import admin

from followup.models import ActionPlan, Area, Commitment, CommitmentChange, FollowUpRound


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "position"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    fields = ["number", "title", "responsibility", "area", "status", "progress"]
    readonly_fields = ["status", "progress"]
    extra = 0
    show_change_link = True


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "first_year", "last_year", "status"]
    list_filter = ["status"]
    inlines = [CommitmentInline]


class ChangeInline(admin.TabularInline):
    model = CommitmentChange
    fields = ["at", "from_status", "to_status", "from_progress", "to_progress", "by", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # status changes go through Commitment.update_progress


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "area", "status", "progress"]
    list_filter = ["status", "area", "responsibility"]
    readonly_fields = ["status", "progress"]
    filter_horizontal = ["organisations", "principles"]
    raw_id_fields = ["action_items"]
    inlines = [ChangeInline]

    def save_related(self, request, form, formsets, change):
        # The organisations are set here: then the timeline line and any reporting task.
        super().save_related(request, form, formsets, change)
        form.instance.record_edit(by=request.user, created=not change)


@admin.register(FollowUpRound)
class FollowUpRoundAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "deadline", "status"]
    readonly_fields = ["status", "published_at"]
