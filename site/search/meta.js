window.cheatgenSearch.loaded("meta", {"chunks":["000","waits"],"sheets":4,"version":1});
