from tests.url_walk import Expect

# Search is open to everyone; what each role finds is tested in tests/search.
URLS = {
    "search:search": Expect(),
    "search:autocomplete": Expect(),
}
