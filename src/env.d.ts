/// <reference types="astro/client" />

/** Syntax-colour classes, generated at build time from the Shiki themes (src/integrations/code-colors-stylesheet.ts). */
declare module 'virtual:code-colors.css';

declare namespace App {
  interface Locals {
    /** Set once a page has linked the interactive tools' stylesheet. */
    toolStylesLinked?: boolean;
  }
}
