// Browser code: rampart reviews the backend only, so this file is listed as skipped.
document.querySelector('#search').addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = encodeURIComponent(document.querySelector('#q').value);
  const res = await fetch(`/api/search?q=${q}`);
  document.querySelector('#results').innerHTML = await res.text();
});
