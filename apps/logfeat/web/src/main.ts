const app = document.querySelector<HTMLDivElement>("#app");
if (app !== null) app.textContent = "logfeat";
