app_name = "volunteering"

# The pages (the register and the opportunities) come in the next increment.
urlpatterns = []
