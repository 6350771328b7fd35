// The narrative editor: a contenteditable box per outline heading with a few formatting commands. The server
// sanitises whatever HTML arrives, so this only has to be pleasant, not safe. It also keeps the page honest about
// unsaved text: every edit marks the editor dirty, the page is told a few seconds after typing stops (autosave),
// and leaving the page with dirty text asks first.
const AutosaveDelayMs = 3000;
const editors = new Set();
let owner = null;
let timer = null;

function anyDirty() {
    for (const element of editors) {
        if (element.isConnected && element.dataset.dirty === "1") return true;
    }
    return false;
}

function onBeforeUnload(event) {
    if (!anyDirty()) return;
    event.preventDefault();
    event.returnValue = "";
}

// The page that owns the editors: told when typing stopped, so it saves.
export function connect(dotnet) {
    owner = dotnet;
    window.addEventListener("beforeunload", onBeforeUnload);
}

export function disconnect() {
    owner = null;
    clearTimeout(timer);
    editors.clear();
    window.removeEventListener("beforeunload", onBeforeUnload);
}

// Fills each new editor once and makes it editable. An editor already filled is never filled again: text typed into
// it since would be wiped (a second attach while the page was busy lost an officer's first words).
export function attachAll(elements, htmls) {
    document.execCommand("defaultParagraphSeparator", false, "p");
    elements.forEach((element, i) => attach(element, htmls[i]));
}

function attach(element, html) {
    if (!element || editors.has(element)) return;
    element.innerHTML = html || "";
    element.contentEditable = "true";
    element.dataset.dirty = "0";
    editors.add(element);
    element.addEventListener("input", () => {
        element.dataset.dirty = "1";
        clearTimeout(timer);
        timer = setTimeout(() => owner?.invokeMethodAsync("TypingStopped"), AutosaveDelayMs);
    });
}

export function format(element, command) {
    element.focus();
    document.execCommand(command, false, null);
    element.dataset.dirty = "1";
}

// What is on screen now, every section in order; reading clears the dirty marks (the caller marks them again if
// the save fails), so text typed while a save runs stays dirty.
export function readAll(elements) {
    return elements.map(element => {
        element.dataset.dirty = "0";
        return element.innerHTML;
    });
}

export function markDirty(elements) {
    for (const element of elements) element.dataset.dirty = "1";
}

export function isDirty() {
    return anyDirty();
}

export function confirmLeave(message) {
    return window.confirm(message);
}
