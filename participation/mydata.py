"""“My data” (/konto/mine-data/): my comments and what happened to them, export, account deletion."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import ratelimit
from asker.forms import AccessibleErrorsMixin

from . import data, services
from .forms import SecondReviewForm
from .models import Comment, ModerationAction

S = Comment.State
A = ModerationAction.Action
# The state a comment is in -> the log actions that put it there.
DECIDED_BY = {S.REJECTED: [A.REJECTED], S.HIDDEN: [A.HIDDEN, A.AUTO_HIDDEN]}
# Password tries on the deletion page, per account: (tries, seconds).
DELETE_ACCOUNT_TRIES = (5, 15 * 60)


@never_cache
@login_required
def my_data(request):
    comments = (Comment.objects.filter(author=request.user).select_related("consultation")
                .order_by("-created_at", "-pk"))
    rows = []
    for comment in comments:
        decision = None
        if comment.state in DECIDED_BY:
            decision = comment.actions.filter(action__in=DECIDED_BY[comment.state]).order_by("-created_at", "-pk").first()
        rows.append({"comment": comment, "decision": decision})
    return render(request, "participation/mydata/index.html", {"rows": rows, "review_form": SecondReviewForm()})


@require_POST
@login_required
def ask_second_review(request, pk):
    comment = get_object_or_404(Comment, pk=pk, author=request.user)
    form = SecondReviewForm(request.POST)
    try:
        if not form.is_valid():
            raise services.Refused(" ".join(form.errors["note"]))
        services.request_second_review(comment, request.user, note=form.cleaned_data["note"].strip())
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("You have asked for a second review. A moderator will look at the comment again."))
    return redirect("mydata:index")


@never_cache
@require_GET
@login_required
def export(request):
    body = json.dumps(data.export_user_data(request.user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body.encode("utf-8"), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


class DeleteAccountForm(AccessibleErrorsMixin, forms.Form):
    password = forms.CharField(label=gettext_lazy("Your password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not right."), code="password_incorrect")
        return password


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def delete_account(request):
    if request.method == "POST":
        # Each try counts, so the page cannot be used to guess the password of a signed-in session.
        wait = ratelimit.hit("delete_account", request.user.pk, *DELETE_ACCOUNT_TRIES)
        if wait:
            return ratelimit.too_many(request, wait)
        form = DeleteAccountForm(request.user, request.POST)
        if form.is_valid():
            data.delete_account(request.user)
            logout(request)
            messages.success(request, _("Your account is deleted. Published comments stay, without your name."))
            return redirect("/")
    else:
        form = DeleteAccountForm(request.user)
    return render(request, "participation/mydata/delete.html", {"form": form})
