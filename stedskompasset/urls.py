app_name = "stedskompasset"
urlpatterns = []
