// Every page is prerendered: the build is a folder of static files any host can serve.
export const prerender = true;
export const trailingSlash = 'never';
