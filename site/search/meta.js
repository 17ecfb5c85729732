window.cheatgenSearch.loaded("meta", {"chunks":["000","other"],"sheets":8,"version":1});
