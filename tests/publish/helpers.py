"""A Chromium tab that watches for requests to other origins and Content-Security-Policy violations."""
from contextlib import contextmanager


# A Chromium tab that records requests to origins other than origin, Content-Security-Policy violations
# and console messages; requests elsewhere are blocked.
@contextmanager
def recording_tab(browser, origin: str):
    context = browser.new_context()
    foreign = []
    context.route("**/*", lambda route: _same_origin_only(route, origin, foreign))
    context.add_init_script("window.__violations = []; addEventListener('securitypolicyviolation',"
                            " event => __violations.push(event.violatedDirective + ' ' + event.blockedURI));")
    tab = context.new_page()
    messages = []
    tab.on("console", lambda message: messages.append(message.text))
    tab.foreign_requests, tab.console_messages = foreign, messages
    try:
        yield tab
    finally:
        context.close()


# Let requests to origin through; record and block any other.
def _same_origin_only(route, origin: str, foreign: list) -> None:
    url = route.request.url
    if url.startswith(origin + "/") or url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        foreign.append(url)
        route.abort()


# The Content-Security-Policy violations a tab has seen, from the event and from the console.
def policy_violations(tab) -> list:
    return tab.evaluate("__violations") + [text for text in tab.console_messages if "Content Security Policy" in text]
