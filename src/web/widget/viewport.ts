// On a phone the panel fills the screen; when the on-screen keyboard opens it shrinks to the visible part of the
// page (the visual viewport), so the composer stays above the keyboard.
import type { View } from './view.js';

export function followVisualViewport(view: View): void {
  const viewport = window.visualViewport;
  if (!viewport) return;
  const fit = () => {
    view.root.style.setProperty('--visible-height', `${viewport.height}px`);
    view.root.style.setProperty('--visible-top', `${viewport.offsetTop}px`);
  };
  viewport.addEventListener('resize', fit);
  viewport.addEventListener('scroll', fit);
  fit();
}
