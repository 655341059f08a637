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
    // Whether an ancestor that scrolls or clips sideways holds it in: for an absolutely
    // positioned element only its positioned ancestors do (a visually hidden label in a table
    // that scrolls can still widen the page), for a fixed one none.
    const clips = node => {
        let position = node.nodeType === Node.ELEMENT_NODE ? getComputedStyle(node).position : 'static';
        for (let a = node.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
            if (position === 'fixed') return false;
            const style = getComputedStyle(a);
            if (position === 'absolute' && style.position === 'static') continue;
            if (style.overflowX !== 'visible') return true;
            position = style.position;
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
    // A right margin counts: the page scrolls to show it.
    const right = el => el.getBoundingClientRect().right + window.scrollX + Math.max(0, parseFloat(getComputedStyle(el).marginRight) || 0);
    const wide = Array.from(document.body.querySelectorAll('*')).filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && right(el) > width + 0.5 && !clips(el);
    });
    const outermost = wide.filter(el => !wide.includes(el.parentElement));
    const culprits = outermost.map(el => `${describe(el)} reaches ${Math.round(right(el))} px`);
    // Text wider than its box (a long word in a heading) sticks out of a box that fits.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const owner = node.parentElement;
        if (!owner || wide.includes(owner) || !node.textContent.trim()) continue;
        range.selectNodeContents(node);
        const end = range.getBoundingClientRect().right + window.scrollX;
        if (end > width + 0.5 && !clips(node)) culprits.push(`the text of ${describe(owner)} reaches ${Math.round(end)} px`);
    }
    return {scrollWidth: root.scrollWidth, culprits: culprits.slice(0, 8)};
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
