from asker.decorators import permission_required

# Every workspace page: planners and administrators (places.rules).
planner_required = permission_required("places.use_workspace")
