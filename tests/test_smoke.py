def test_home_page_answers(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert "Digital in die Zukunft" in response.text
