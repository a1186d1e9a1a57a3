/** The pages Backstory reads: every http(s) page (the manifest's content-script matches). */
export const PAGE_MATCHES = ['http://*/*', 'https://*/*'];
