from django.urls import path

from . import moderation

app_name = "moderation"
urlpatterns = [
    path("", moderation.queue, name="queue"),
    path("behandle/", moderation.bulk, name="bulk"),
    path("kommentar/<int:pk>/", moderation.comment_detail, name="comment"),
    path("kommentar/<int:pk>/godkjenn/", moderation.comment_action, {"action": "approve"}, name="approve"),
    path("kommentar/<int:pk>/avvis/", moderation.comment_action, {"action": "reject"}, name="reject"),
    path("kommentar/<int:pk>/skjul/", moderation.comment_action, {"action": "hide"}, name="hide"),
    path("kommentar/<int:pk>/gjenopprett/", moderation.comment_action, {"action": "restore"}, name="restore"),
    path("kommentar/<int:pk>/blokker/", moderation.block_author, name="block"),
]
