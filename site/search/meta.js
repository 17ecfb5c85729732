window.cheatgenSearch.loaded("meta", {"chunks":["000","printable"],"sheets":7,"version":1});
