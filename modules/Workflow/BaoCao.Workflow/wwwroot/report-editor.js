// The narrative editor: a contenteditable box per outline heading with a few formatting commands. The server
// sanitises whatever HTML arrives, so this only has to be pleasant, not safe.
export function attach(element, html) {
    element.innerHTML = html || "";
    element.contentEditable = "true";
    document.execCommand("defaultParagraphSeparator", false, "p");
}

export function format(element, command) {
    element.focus();
    document.execCommand(command, false, null);
}

export function read(element) {
    return element.innerHTML;
}
