"""Whether a page fits the width of a phone: no sideways scrolling of the whole page.

The axe tours (tests/browser/tour.py) measure every page they check at each width in WIDTHS, so a
new page, or a page with new content, is measured without a test of its own. A page fits when
`document.documentElement.scrollWidth` is at most the viewport's width; when it does not, the
report names the elements that stick out, the outermost first, so the failure says where to look.
"""

# A common phone (iPhone 12 to 15) in CSS pixels, and the desktop the tours otherwise run at.
PHONE = 390
DESKTOP = 1280
WIDTHS = (PHONE, DESKTOP)

# The elements whose right edge is past the width, and not inside something that scrolls or clips
# sideways (a table wrapper that scrolls makes nothing of the page wider). Those whose parent
# fits are where the overflow starts; their descendants stick out only because they do.
_OVERFLOW = """(width) => {
    const root = document.documentElement;
    if (root.scrollWidth <= width) return {scrollWidth: root.scrollWidth, culprits: []};
    const clips = el => {
        for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
            const x = getComputedStyle(a).overflowX;
            if (x !== 'visible') return true;
        }
        return false;
    };
    const describe = el => {
        let text = el.tagName.toLowerCase();
        if (el.id) text += '#' + el.id;
        if (typeof el.className === 'string' && el.className.trim()) text += '.' + el.className.trim().split(/\\s+/).join('.');
        const words = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
        return text + (words ? ` "${words.slice(0, 50)}"` : '');
    };
    const right = el => el.getBoundingClientRect().right + window.scrollX;
    const wide = Array.from(document.body.querySelectorAll('*')).filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && right(el) > width + 0.5 && !clips(el);
    });
    const outermost = wide.filter(el => !wide.includes(el.parentElement));
    return {
        scrollWidth: root.scrollWidth,
        culprits: outermost.slice(0, 8).map(el => `${describe(el)} reaches ${Math.round(right(el))} px`),
    };
}"""


def overflow(page, width):
    """At `width` CSS pixels wide, "" when the page fits, else what sticks out.

    The viewport goes back to its size afterwards, so whatever checks the page next sees it as before.
    """
    before = page.viewport_size
    if before["width"] != width:
        page.set_viewport_size({"width": width, "height": before["height"]})
    try:
        found = page.evaluate(_OVERFLOW, width)
    finally:
        if before["width"] != width:
            page.set_viewport_size(before)
    if found["scrollWidth"] <= width:
        return ""
    culprits = "".join(f"\n    {c}" for c in found["culprits"]) or "\n    (no element found: a pseudo-element?)"
    return f"{found['scrollWidth']} px wide at {width} px; sticking out:{culprits}"
