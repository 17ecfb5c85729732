window.cheatgenSearch.loaded("meta", {"chunks":["000","promise"],"sheets":5,"version":1});
