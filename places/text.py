from django.utils.text import slugify

# slugify drops letters without an ASCII decomposition: "Sætre" would become "stre".
NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A"})


def norwegian_slug(text):
    return slugify(text.translate(NORWEGIAN_LETTERS))
