"""Every URL name of the portal, and how the axe tests cover it.

CHECKED lists the names the axe tours open in Chromium (tests/browser/tour.py: `tour.visit` and
`tour.here`, which assert that the page is the named one), with the states checked. EXEMPT lists
the names that are not HTML pages, each with the reason. test_page_catalogue.py fails when a URL
name of the project is in neither, when a name here no longer exists, and when CHECKED and the
tours disagree: a new page cannot be added without an axe check.

Every CHECKED page is checked in bokmål (/) and English (/en/). The organisation
representative sees what a resident sees: no page or rule differs for that role.
"""

CHECKED = {
    # The public pages (test_accessibility.py), signed out unless said.
    "places:home": "map of centres and projects; before any data; as resident, planner, administrator",
    "places:centres": "the centre tree",
    "places:centre": "a centre with its catchment area and layers",
    "places:projects": "the list; with a bad filter (400, error summary)",
    "places:project": "a public project; a confidential one as a planner",
    "places:plans": "the list; with an unknown kind of plan (400)",
    "places:plan": "a plan with its boundary and a document",
    "participation:consultations": "open, upcoming and closed; with an unknown centre (400)",
    "participation:consultation": "open with comments and a reply, signed out and with the comment form and "
                                  "one's own waiting comment; upcoming; closed; closed with the municipality's answer",
    "participation:thread": "a comment with all its replies (from the consultation's link)",
    "participation:comment": "the consultation page with a form error (400); with a place name suggested (400)",
    "participation:edit": "a resident's waiting comment; with an empty text (400)",
    "participation:withdraw": "the confirmation for a resident's waiting comment",
    # Stedskompasset (test_stedskompasset.py).
    "stedskompasset:rounds": "open, closed and demo rounds by centre",
    "stedskompasset:survey": "an open round signed out; the survey form for a resident; a centre without rounds",
    "stedskompasset:answer": "the survey page with missing scores (400)",
    "stedskompasset:workshop": "the blank form for a planner; with errors (400)",
    "stedskompasset:new_round": "the blank form for a planner; with errors (400)",
    "stedskompasset:results": "withheld; the compass with a workshop group and an earlier round; a demo round; "
                              "as a planner with the comments",
    # Residents, moderators, administrators (test_axe_roles.py).
    "mydata:index": "waiting, published and rejected comments with the second-review button; no comments",
    "mydata:delete": "the account deletion confirmation; with a wrong password",
    "moderation:queue": "a waiting and a flagged comment; filtered to nothing; as an administrator",
    "moderation:bulk": "the queue with nothing chosen (400)",
    "moderation:comment": "waiting; published with a flag; rejected with its log; with a map; a reply",
    "moderation:reject": "the comment page after rejecting without a reason (400)",
    "moderation:hide": "the comment page after hiding without a reason (400)",
    "moderation:block": "the comment page after blocking with bad days and no reason (400)",
    # Accounts (test_accounts.py).
    "accounts:profile": "per role: resident, moderator, administrator, organisation representative",
    "accounts:login": "the form; with errors; locked out after failed attempts",
    "accounts:register": "the form; with errors",
    "accounts:register_done": "after registering",
    "accounts:activate": "the activation button; a broken link; an expired link; already used",
    "accounts:password_reset": "the form; with errors; rate limited (429)",
    "accounts:password_reset_done": "after asking",
    "accounts:password_reset_confirm": "the new-password form; with passwords that differ; a broken link",
    "accounts:password_reset_complete": "after the new password is saved",
    # The planner's workspace (test_axe_workspace.py).
    "workspace:dashboard": "current projects, drafts, archive, a search without hits; as an administrator",
    "workspace:project_create": "the blank form; with errors",
    "workspace:project_edit": "a public, a confidential and an archived project",
    "workspace:project_history": "two versions and the revert button",
    "workspace:project_upload": "the form; with a file that is not a map; choosing among two areas",
    "workspace:project_upload_choose": "choosing with none chosen (400); a GeoJSON file without crs in UTM metres",
    "workspace:project_archive": "the question; with a bad confirmation (400)",
    "workspace:project_restore": "the question for an archived project",
    "workspace:project_revert": "the question for an earlier version",
    "workspace:plans": "the list",
    "workspace:plan_create": "the blank form; with errors",
    "workspace:plan_edit": "a plan",
    "workspace:plan_documents": "with a document; with a file that is not a PDF (400)",
    "workspace:centres": "the list",
    "workspace:centre_create": "the blank form; with errors",
    "workspace:centre_edit": "a centre",
    "workspace:consultations": "the list",
    "workspace:consultation_create": "the blank form; with errors",
    "workspace:consultation_edit": "an open consultation with its area; a closed one with the link to its answer",
    "workspace:consultation_answer": "a draft with the publish button; with errors; published, with its log",
    # The statements and the contact page (test_axe_about.py), signed out unless said.
    "about:accessibility": "the statement; the barrier form with errors (400); after sending a report; signed in",
    "about:privacy": "with an open and a closed consultation and their retention periods; signed in",
    "about:contact": "the page; the barrier form with errors (400); after sending a report",
    # The innbyggertorg and the lokalsamfunnsutvalg archive (test_axe_community.py), signed out unless said.
    "community:list": "with hours (open or closed), without hours, with and without an address, the map; signed in",
    "community:innbyggertorg": "with hours, an exception, a holiday and consultations; without hours, with an address",
    "community:committees": "the archive",
    "community:committee": "members (demo names) and meetings, one with a minutes PDF",
    # Events (test_axe_events.py), signed out unless said.
    "events:events": "coming events; filtered by centre; with an unknown centre (400); as a planner",
    "events:archive": "past events",
    "events:event": "full at an innbyggertorg; at an address; cancelled; past; as a resident with the sign-up "
                    "and the waiting-list buttons and on the waiting list; as a planner with the hosts' links",
    "events:sign_up": "the event page after signing up once the event had started (400)",
    "events:cancel_registration": "the event page after cancelling a sign-up that was gone (400)",
    "events:create": "the blank form; with errors (400)",
    "events:edit": "an event at an innbyggertorg; with two places chosen (400)",
    "events:cancel": "the question; an event already cancelled",
    "events:participants": "one signed up",
    # The register of voluntary organisations (test_axe_volunteering.py).
    "volunteering:organisations": "the demo register; searched and filtered by centre; a bad filter (400); "
                                  "as an administrator with inactive ones; empty",
    "volunteering:organisation": "an imported organisation with website and e-mail; a demo one; an inactive one as an administrator; "
                                 "with opportunities as a resident and as its representative",
    # Representatives and volunteer opportunities (test_axe_opportunities.py).
    "volunteering:opportunities": "the list; filtered by category and centre; with a bad filter (400)",
    "volunteering:opportunity": "signed out; a resident with the interest form; after registering interest",
    "volunteering:opportunity_create": "the blank form; with errors (400)",
    "volunteering:opportunity_edit": "an opportunity as its representative",
    "volunteering:organisation_edit": "the form as a representative",
    "volunteering:interested": "one interested person, as the representative",
    "volunteering:requests": "one waiting request, as an administrator; none waiting",
}
# Not URL names, checked all the same (test_accessibility.py, test_axe_roles.py): 400 (control
# characters in the address), 403 (the workspace and moderation for a resident), 404, and 500
# (templates/500.html as Django's error handler renders it, served at the live server's address).

POST_ONLY = ("an action a form sends (POST only): GET answers 405; a POST is answered with a redirect, "
             "or with an error page checked above (403, or the page the form was on)")

EXEMPT = {
    "healthz": "JSON for the load balancer",
    "healthz-detail": "JSON for monitoring: broker and workers",
    "volunteering:organisation_map": "GeoJSON map data of the organisations, not an HTML page",
    "set_language": "switches the language and redirects; no page of its own",
    "favicon": "redirects to the site icon file",
    "places:plan_document": "the PDF file itself",
    "community:minutes": "the minutes PDF itself",
    "places:map_layer": "GeoJSON for the maps",
    "places:map_image": "the SVG picture a map box shows without JavaScript (tests/places/test_static_map.py); "
                        "its text alternative is the img's alt on the pages checked above",
    "mydata:export": "the user's data as a JSON download",
    "accounts:logout": POST_ONLY,
    "participation:flag": POST_ONLY,
    "participation:place": "JSON for the comment map: a point in words",
    "mydata:second_review": POST_ONLY,
    # These two have only an optional note, held to its length by the textarea; should the server
    # refuse one, it shows the comment page, checked above (moderation:reject).
    "moderation:approve": POST_ONLY,
    "moderation:restore": POST_ONLY,
    "workspace:project_publish": POST_ONLY,
    "workspace:project_unpublish": POST_ONLY,
    "workspace:plan_document_delete": POST_ONLY,
    "workspace:consultation_close": POST_ONLY,
    "workspace:consultation_answer_publish": POST_ONLY,
    "volunteering:request_representation": POST_ONLY,
    "volunteering:decide_request": POST_ONLY,
    "volunteering:register_interest": POST_ONLY,
    "volunteering:withdraw_interest": POST_ONLY,
    "volunteering:mark_contacted": POST_ONLY,
    "events:event_ics": "an iCalendar file (tests/events/test_calendar.py)",
    "events:centre_feed": "an iCalendar feed (tests/events/test_calendar.py)",
}

EXEMPT_NAMESPACES = {
    "admin": "Django's admin site: Django's own templates, for staff only, not a page of the portal",
}
