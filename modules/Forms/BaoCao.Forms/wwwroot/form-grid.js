// Keyboard movement in a data-entry grid: arrows move between editable cells (left/right only at the text's
// edge), Enter moves down like a spreadsheet, Tab keeps the browser's order. Leaving a cell fires its change event,
// which is what saves it.
export function attach(table) {
  if (!table || table.dataset.gridAttached) return;
  table.dataset.gridAttached = "true";
  const cell = (r, c) => table.querySelector(`input.cell[data-r="${r}"][data-c="${c}"]`);
  const rows = () => Math.max(...[...table.querySelectorAll("input.cell")].map(i => +i.dataset.r), 0);
  const vertical = (r, c, step) => {
    for (let row = r + step, last = rows(); row >= 0 && row <= last; row += step) {
      const found = cell(row, c);
      if (found) return found;
    }
    return null;
  };
  const horizontal = (r, c, step) => {
    for (let column = c + step; column >= 0 && column < 12; column += step) {
      const found = cell(r, column);
      if (found) return found;
    }
    return null;
  };
  table.addEventListener("keydown", event => {
    const input = event.target.closest?.("input.cell");
    if (!input) return;
    const r = +input.dataset.r, c = +input.dataset.c;
    let next = null;
    switch (event.key) {
      case "ArrowUp": next = vertical(r, c, -1); break;
      case "ArrowDown": case "Enter": next = vertical(r, c, 1); break;
      case "ArrowLeft": if (input.selectionStart === 0 && input.selectionEnd === 0) next = horizontal(r, c, -1); break;
      case "ArrowRight": if (input.selectionStart === input.value.length) next = horizontal(r, c, 1); break;
      default: return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
      next.select();
    }
  });
}
