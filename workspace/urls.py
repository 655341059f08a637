from django.urls import path

from . import views

app_name = "workspace"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("prosjekter/ny/", views.project_edit, name="project_create"),
    path("prosjekter/<slug:slug>/", views.project_edit, name="project_edit"),
    path("prosjekter/<slug:slug>/publiser/", views.project_publish, name="project_publish"),
    path("prosjekter/<slug:slug>/skjul/", views.project_unpublish, name="project_unpublish"),
    path("prosjekter/<slug:slug>/arkiver/", views.project_archive, name="project_archive"),
    path("prosjekter/<slug:slug>/gjenopprett/", views.project_restore, name="project_restore"),
    path("prosjekter/<slug:slug>/historikk/", views.project_history, name="project_history"),
    path("prosjekter/<slug:slug>/historikk/<int:history_id>/tilbakestill/", views.project_revert,
         name="project_revert"),
    path("planer/", views.plan_list, name="plans"),
    path("planer/ny/", views.plan_edit, name="plan_create"),
    path("planer/<int:pk>/", views.plan_edit, name="plan_edit"),
    path("sentre/", views.centre_list, name="centres"),
    path("sentre/ny/", views.centre_edit, name="centre_create"),
    path("sentre/<slug:slug>/", views.centre_edit, name="centre_edit"),
]

from . import upload  # noqa: E402

urlpatterns += [
    path("prosjekter/<slug:slug>/last-opp/", upload.upload, name="project_upload"),
    path("prosjekter/<slug:slug>/last-opp/velg/", upload.upload_choose, name="project_upload_choose"),
]

from . import documents  # noqa: E402

urlpatterns += [
    path("planer/<int:pk>/dokumenter/", documents.documents, name="plan_documents"),
    path("planer/<int:pk>/dokumenter/<int:document_pk>/slett/", documents.document_delete, name="plan_document_delete"),
]

from . import consultations  # noqa: E402

urlpatterns += [
    path("medvirkning/", consultations.consultation_list, name="consultations"),
    path("medvirkning/ny/", consultations.consultation_edit, name="consultation_create"),
    path("medvirkning/<int:pk>/", consultations.consultation_edit, name="consultation_edit"),
    path("medvirkning/<int:pk>/lukk/", consultations.consultation_close, name="consultation_close"),
]

from . import answers  # noqa: E402

urlpatterns += [
    path("medvirkning/<int:pk>/svar/", answers.answer_edit, name="consultation_answer"),
    path("medvirkning/<int:pk>/svar/publiser/", answers.answer_publish, name="consultation_answer_publish"),
]
