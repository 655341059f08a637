def home(request): pass
def centre_tree(request): pass
def centre_detail(request, slug): pass
def project_list(request): pass
def project_detail(request, slug): pass
def plan_list(request): pass
def plan_detail(request, plan_id): pass
def map_layer(request, layer): pass
def not_found(request, exception=None): pass
