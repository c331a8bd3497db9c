// The theme's two menus (colour mode, source links) without Bootstrap's 80 KB
// script: a click on a [data-bs-toggle="dropdown"] button opens its menu where
// Bootstrap (Popper) puts it, below the button, aligned to its start (to its end
// for .dropdown-menu-end) and kept inside the window; a click elsewhere or
// Escape closes it.
(() => {
  const toggles = '[data-bs-toggle="dropdown"]';
  const closeMenus = (except) => {
    for (const menu of document.querySelectorAll(".dropdown-menu.show")) {
      if (menu === except) continue;
      menu.classList.remove("show");
      const toggle = menu.parentElement.querySelector(toggles);
      toggle?.classList.remove("show");
      toggle?.setAttribute("aria-expanded", "false");
    }
  };
  const place = (menu, toggle) => {
    const box = menu.parentElement.getBoundingClientRect();
    const button = toggle.getBoundingClientRect();
    const width = menu.offsetWidth;
    let left = menu.classList.contains("dropdown-menu-end") ? button.right - width : button.left;
    const margin = 8; // as far from the window's edge as the header's last button
    left = Math.max(margin, Math.min(left, document.documentElement.clientWidth - width - margin));
    const x = Math.round(left - box.left);
    const y = Math.round(button.bottom - box.top + 2);
    menu.style.cssText = `position: absolute; inset: 0 auto auto 0; margin: 0; transform: translate(${x}px, ${y}px);`;
  };
  document.addEventListener("click", (event) => {
    const toggle = event.target.closest(toggles);
    const menu = toggle?.parentElement.querySelector(".dropdown-menu");
    closeMenus(menu);
    if (!menu) return;
    const open = menu.classList.toggle("show");
    if (open) place(menu, toggle);
    toggle.classList.toggle("show", open);
    toggle.setAttribute("aria-expanded", String(open));
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeMenus(null);
  });
})();
